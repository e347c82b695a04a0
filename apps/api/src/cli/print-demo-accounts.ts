// Prints the demo accounts for the start banner.
import { DEMO_PASSWORD, demoAccounts } from '../seed';

const ROLE_NL: Record<string, string> = { PROJECTLEIDER: 'projectleider', ADMIN: 'functioneel beheer', CONSULTANT: 'consulent', PROVIDER_USER: 'aanbieder', TEACHER: 'docent' };
const highlighted = ['projectleider@midden-gelderland.demo.nl', 'beheer@midden-gelderland.demo.nl', 'consulent@arnhem.demo.nl', 'consulent@zevenaar.demo.nl', 'aanbieder@newbees.demo.nl', 'aanbieder@sagenn.demo.nl', 'aanbieder@vwn.demo.nl', 'docent@newbees.demo.nl', 'projectleider@noordoost-brabant.demo.nl', 'consulent@uitvoeringsdienst-lvw.demo.nl'];
const accounts = demoAccounts().filter((a) => highlighted.includes(a.email));
console.log(`Demo-accounts (wachtwoord voor alle accounts: ${DEMO_PASSWORD}):`);
for (const account of accounts) console.log(`  ${account.email.padEnd(42)} ${ROLE_NL[account.role].padEnd(19)} ${account.organisation}`);
console.log(`  … en een consulent per gemeente (consulent@<gemeente>.demo.nl), een docent per aanbieder (docent@<aanbieder>.demo.nl), ${demoAccounts().length} accounts in totaal.`);
