export { Clock, SettableClock, SystemClock } from './clock';
