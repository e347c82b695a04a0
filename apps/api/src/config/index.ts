// The public face of config/: other folders import only what is exported here.
export { APP_CONFIG, AppConfig, LoginThrottleLimits, SECOND_FACTOR_MODES, SecondFactorMode, loadConfig } from './app-config';
export { ConfigModule } from './config.module';
export { ConfigurationError, EnvironmentVariables, validateEnvironment } from './environment';
