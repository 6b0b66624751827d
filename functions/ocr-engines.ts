/** OCR engines a deployment may name. Shared by the functions and the CDK app. */
export const OCR_ENGINE_NAMES = ['tesseract', 'textract', 'hybrid'] as const;
export type OcrEngineName = (typeof OCR_ENGINE_NAMES)[number];

/** Engines that call Amazon Textract (and need its permissions and a region that offers it). */
export const usesTextract = (engine: OcrEngineName): boolean => engine !== 'tesseract';
