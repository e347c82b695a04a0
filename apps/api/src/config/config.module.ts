import { DynamicModule, Global, Module } from '@nestjs/common';
import { BSN_CRYPTO, BsnCrypto } from '../common';
import { Clock, SystemClock } from '../clock';
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
        { provide: Clock, useValue: config.clock ?? new SystemClock() },
      ],
      exports: [APP_CONFIG, BSN_CRYPTO, Clock],
    };
  }
}
