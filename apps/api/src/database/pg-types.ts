import { types } from 'pg';

// Calendar dates stay 'YYYY-MM-DD' strings; turning them into Date objects would shift them by the time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);
