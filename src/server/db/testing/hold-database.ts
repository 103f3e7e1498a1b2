/** A second process for the lock test: opens the database it is given and keeps it open until killed. */
import { openDatabase } from '../open-database';
import { locationFromEnv } from './child-process';

await openDatabase(locationFromEnv());
process.stdout.write(`open ${process.pid}\n`);
setInterval(() => {}, 60_000);
