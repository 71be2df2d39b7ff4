// The one inspector API: a view of a component over a window and slice (the vocabulary's inspector views).
import type { World } from '../world/world.ts';
import { resolveInspect, type InspectSpec } from './request.ts';
import { confusionMatrix, type ConfusionMatrixView } from './confusionMatrix.ts';
import { prCurve, type PrCurveView } from './prCurve.ts';
import { embeddingMap, type EmbeddingMapView } from './embeddingMap.ts';
import { calibrationCurve, type CalibrationCurveView } from './calibrationCurve.ts';
import { featureDistribution, type FeatureDistributionView } from './featureDistribution.ts';
import { stageHealth, type StageHealthView } from './stageHealth.ts';

export type InspectorResult =
  | ConfusionMatrixView
  | PrCurveView
  | EmbeddingMapView
  | CalibrationCurveView
  | FeatureDistributionView
  | StageHealthView;

export function inspect(world: World, spec: InspectSpec): InspectorResult {
  const req = resolveInspect(world, spec);
  switch (req.view) {
    case 'confusion_matrix': return confusionMatrix(world, req);
    case 'pr_curve': return prCurve(world, req);
    case 'embedding_map': return embeddingMap(world, req);
    case 'calibration_curve': return calibrationCurve(world, req);
    case 'feature_distribution': return featureDistribution(world, req);
    case 'stage_health': return stageHealth(world, req);
  }
}
