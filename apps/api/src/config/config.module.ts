import { DynamicModule, Global, Module } from '@nestjs/common';
import { BSN_CRYPTO, BsnCrypto } from '../clients/bsn-crypto';
import { APP_CONFIG, AppConfig } from './app-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: BSN_CRYPTO, useValue: new BsnCrypto(config.bsnKey) },
      ],
      exports: [APP_CONFIG, BSN_CRYPTO],
    };
  }
}
