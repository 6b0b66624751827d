/**
 * AWS list prices used by the cost model: on-demand, US East (N. Virginia) us-east-1, in USD,
 * as published on the services' pricing pages (aws.amazon.com/<service>/pricing) as of the
 * date below; free tiers, savings plans and volume tiers beyond the first are ignored. The AWS
 * China regions (cn-north-1, cn-northwest-1) are priced separately, in CNY, by their local
 * operators: replace these numbers before budgeting a deployment there.
 */
export const PRICES = {
  asOf: '2025-06-01',
  region: 'us-east-1 (US East, N. Virginia)',
  lambda: {
    /** arm64, first 7.5 billion GB-seconds a month. */
    arm64PerGbSecond: 0.0000133334,
    perMillionRequests: 0.2,
  },
  textract: {
    /** DetectDocumentText, first million pages a month. */
    detectTextPerPage: 0.0015,
    /** AnalyzeDocument feature prices per page, first million pages a month. */
    analyzeTablesPerPage: 0.015,
    analyzeFormsPerPage: 0.05,
    analyzeLayoutPerPage: 0.004,
    analyzeSignaturesPerPage: 0.0035,
  },
  dynamodb: {
    /** On-demand, standard table class (prices since 2024-11-01). */
    perMillionWriteUnits: 0.625,
    perMillionReadUnits: 0.125,
  },
  s3: {
    /** S3 Standard: PUT, COPY, POST, LIST. */
    perThousandPut: 0.005,
    /** S3 Standard: GET, SELECT and all other requests (HEAD). */
    perThousandGet: 0.0004,
    /** S3 Standard storage, first 50 TB a month. */
    perGbMonth: 0.023,
  },
  kms: {
    /** Requests involving RSA 2048 keys (the report signing key's spec). */
    perTenThousandRsa2048Requests: 0.03,
    perKeyMonth: 1,
  },
  sqs: {
    /** Standard queue, per million requests (64 KB chunks). */
    perMillionRequests: 0.4,
  },
} as const;

/** Lambda allocates CPU in proportion to memory: one full vCPU at 1,769 MB (AWS Lambda documentation). */
export const LAMBDA_MB_PER_VCPU = 1769;
