// Every test runs with the product's feature modules installed, as src/bot.ts installs them.
import { installFeatures } from "../../src/kernel/registry.ts";
import { FEATURES } from "../../src/modules.ts";

installFeatures(FEATURES);
