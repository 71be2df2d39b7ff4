// The columns of every log the world writes. Ids (user, item, request) index the world's
// entity tables; small enumerations are dictionary codes into the taxonomy lists.

export const IMPRESSIONS = {
  day: Uint8Array,
  user: Uint32Array,
  item: Uint32Array,
  request: Uint32Array,
  source: Uint8Array,
  /** 0-based position in the feed (page × slate size + slot). */
  position: Uint8Array,
  surface: Uint8Array,
  /** Tenure on the day of the impression: new users become casual after 7 days. */
  tenure: Uint8Array,
  /** Ranker logit and the served, position-aware click probability. */
  score: Float32Array,
  pctr: Float32Array,
  /** What the server saw (close-up requests) and what the client event logger delivered. */
  click: Uint8Array,
  clickLogged: Uint8Array,
  save: Uint8Array,
  hide: Uint8Array,
  /** Rater score 0–3, or -1 when the impression was not sampled for rating. */
  rating: Int8Array,
  imageFailed: Uint8Array,
  renderMs: Uint16Array,
  /** The encoder's quality label for the item at serving time. */
  predQuality: Uint8Array,
};

export const REQUESTS = {
  day: Uint8Array,
  user: Uint32Array,
  tenure: Uint8Array,
  surface: Uint8Array,
  /** Slates the user scrolled through in this session. */
  depth: Uint8Array,
  indexAgeHours: Float32Array,
  /** NDCG@10 of the first slate against true relevance grades. */
  ndcg: Float32Array,
};

export const REQUEST_SOURCES = {
  day: Uint8Array,
  user: Uint32Array,
  tenure: Uint8Array,
  request: Uint32Array,
  source: Uint8Array,
  candidates: Uint8Array,
  latencyMs: Float32Array,
  timeout: Uint8Array,
};

/** Offline retrieval evaluation: held-out positives per sampled user, hit or miss per source. */
export const RETRIEVAL_EVAL = {
  day: Uint8Array,
  user: Uint32Array,
  tenure: Uint8Array,
  item: Uint32Array,
  source: Uint8Array,
  hit: Uint8Array,
};

/** The catalogue as the encoder sees it each day: one row per (day, live item). */
export const CATALOGUE = {
  day: Uint8Array,
  item: Uint32Array,
  predQuality: Uint8Array,
  predAesthetic: Uint8Array,
  /** Encoder's probability that the image is low quality. */
  lowScore: Float32Array,
  /** Cosine distance of today's visual embedding from the day-1 reference. */
  drift: Float32Array,
  /** 1 when the item is in the human-labelled encoder evaluation set. */
  labelled: Uint8Array,
};

/** A sample of served feature vectors, one row per (impression, feature). */
export const FEATURES = {
  day: Uint8Array,
  user: Uint32Array,
  tenure: Uint8Array,
  item: Uint32Array,
  source: Uint8Array,
  position: Uint8Array,
  surface: Uint8Array,
  feature: Uint8Array,
  /** What serving used, and what the training pipeline computes for the same impression. */
  value: Float32Array,
  trainingValue: Float32Array,
  isNull: Uint8Array,
  clickLogged: Uint8Array,
  /**
   * The served score's part that no pipeline feature carries (v13's tower, a treatment's match
   * term), so an offline evaluation scores the model that actually served.
   */
  extra: Float32Array,
};
