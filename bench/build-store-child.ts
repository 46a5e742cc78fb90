/**
 * Builds the library bench's store in its own process (`buildStore`), so the bench's process,
 * which is also the app's main process when it serves the page, does not carry the heap that
 * building 10,000 articles leaves (the corpus, the texts, their indexes): its garbage collections
 * would then compete with the page during the measurements, as the app's main process never does.
 */
import { buildStore } from './library-bench';

const [storeDir, count] = process.argv.slice(2);
await buildStore(storeDir!, Number(count), (line) => console.log(line));
