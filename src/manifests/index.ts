// Public surface of src/manifests: the walker that finds every image in Kubernetes objects.
export {
  type FindImagesOptions,
  findImages,
  type SafeFindImagesResult,
  safeFindImages,
} from "./find-images.js";
export type {
  ImageFinding,
  ImageFindingCode,
  ImageNameSummary,
  ImageSource,
  ImageUse,
  PolicyOrigin,
} from "./image-use.js";
