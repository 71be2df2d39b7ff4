// Inspector: the image encoder's confusion matrix on the human-labelled evaluation set —
// quality label (true × predicted) overall and per aesthetic, plus the aesthetic confusion.
import { AESTHETIC_IDS, QUALITY_LABELS } from '../world/taxonomy.ts';
import { LOW_QUALITY_THRESHOLD } from '../world/items.ts';
import type { World } from '../world/world.ts';
import { filterMasks } from '../query/frame.ts';
import type { InspectRequest } from './request.ts';

export interface ClassRates {
  aesthetic: string;
  /** Labelled item-days of this aesthetic in the window. */
  n: number;
  /** Share the encoder called low-quality, and the share that truly is. */
  predictedLowShare: number;
  trueLowShare: number;
  /** Of truly fine images, the share wrongly called low-quality. */
  falseLowRate: number;
  aestheticAccuracy: number;
}

export interface ConfusionMatrixView {
  view: 'confusion_matrix';
  component: 'image-encoder';
  window: [number, number];
  labels: readonly string[];
  /** quality[true][predicted] counts over labelled item-days. */
  quality: number[][];
  perClass: ClassRates[];
  aestheticLabels: readonly string[];
  /** aesthetics[true][predicted] counts. */
  aesthetics: number[][];
}

export function confusionMatrix(world: World, req: InspectRequest): ConfusionMatrixView {
  const t = world.logs.catalogue;
  const [a, b] = req.window;
  const masks = filterMasks(world, t, req.filter);
  const quality = [[0, 0], [0, 0]];
  const aesthetics = AESTHETIC_IDS.map(() => AESTHETIC_IDS.map(() => 0));
  const k = AESTHETIC_IDS.length;
  const n = new Float64Array(k), predLow = new Float64Array(k), trueLow = new Float64Array(k);
  const fine = new Float64Array(k), fineCalledLow = new Float64Array(k), aesRight = new Float64Array(k);
  const { item, labelled, predQuality, predAesthetic } = t.columns;
  for (let r = t.dayStart[a]; r < t.dayStart[b + 1]; r++) {
    if (!labelled[r] || !masks.every((m) => m.allow[m.codes[r]])) continue;
    const i = item[r];
    const truth = world.items.quality[i] < LOW_QUALITY_THRESHOLD ? 1 : 0;
    const cls = world.items.aesthetic[i];
    quality[truth][predQuality[r]]++;
    aesthetics[cls][predAesthetic[r]]++;
    n[cls]++;
    predLow[cls] += predQuality[r];
    trueLow[cls] += truth;
    if (!truth) {
      fine[cls]++;
      fineCalledLow[cls] += predQuality[r];
    }
    if (predAesthetic[r] === cls) aesRight[cls]++;
  }
  const perClass: ClassRates[] = [];
  for (let c = 0; c < k; c++) {
    if (n[c] === 0) continue;
    perClass.push({
      aesthetic: AESTHETIC_IDS[c],
      n: n[c],
      predictedLowShare: predLow[c] / n[c],
      trueLowShare: trueLow[c] / n[c],
      falseLowRate: fine[c] ? fineCalledLow[c] / fine[c] : 0,
      aestheticAccuracy: aesRight[c] / n[c],
    });
  }
  return {
    view: 'confusion_matrix',
    component: 'image-encoder',
    window: req.window,
    labels: QUALITY_LABELS,
    quality,
    perClass,
    aestheticLabels: AESTHETIC_IDS,
    aesthetics,
  };
}
