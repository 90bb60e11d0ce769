/**
 * Where the build puts each product's facts in the package (scripts/facts-files.ts)
 * and where the surfaces read them (extension/packaged-facts.ts): one name, both sides.
 * Product ids are lower-case words and hyphens (the dataset lint), so they are safe as file names.
 */
export const FACTS_DIR = 'facts';
export const EXPLAINERS_FILE = `${FACTS_DIR}/explainers.json`;
export const factsFile = (productId: string) => `${FACTS_DIR}/${encodeURIComponent(productId)}.json`;
/** Every product's facts in one file, for the options page's directory: one read instead of 80-odd. */
export const ALL_FACTS_FILE = `${FACTS_DIR}/all.json`;
