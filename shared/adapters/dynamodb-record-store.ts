import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { StaleRecordError, type RecordStore } from '../ports.js';
import { randomUUID } from 'node:crypto';
import { AuditEvent, DocumentRecord, ReportRecord, type ReportKind } from '../domain/records.js';

/**
 * The single-table layout (see README, "Data model").
 *
 * | item      | PK            | SK                                | GSI1 (review queue)               | GSI2 (regulators)                          |
 * |-----------|---------------|-----------------------------------|-----------------------------------|--------------------------------------------|
 * | document  | INST#<inst>   | DOC#<sha256>                      | STATUS#<status> / <updated>#<doc> |                                            |
 * | report    | INST#<inst>   | REPORT#<year>#<reportId>          |                                   | REPORTS#<jurisdiction>#<kind> / <year>#... |
 * | audit     | INST#<inst>   | AUDIT#<subjectId>#<at>#<action>   |                                   |                                            |
 * | grant     | INST#<inst>   | AUDIT#<subjectId>#<at>#<action>#<uuid> (appendAudit: never collides)                        |
 */
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

const inst = (id: string) => `INST#${id}`;
const docKey = (r: { institutionId: string; documentId: string }) => ({ PK: inst(r.institutionId), SK: `DOC#${r.documentId}` });
const reportKey = (r: ReportRecord) => ({ PK: inst(r.institutionId), SK: `REPORT#${r.year}#${r.reportId}` });
const auditItem = (e: AuditEvent) => ({
  PK: inst(e.institutionId),
  SK: `AUDIT#${e.subjectId}#${e.at}#${e.action}`,
  type: 'AUDIT',
  ...e,
});

function documentItem(record: DocumentRecord) {
  return {
    ...docKey(record),
    type: 'DOCUMENT',
    GSI1PK: `STATUS#${record.status}`,
    GSI1SK: `${record.updatedAt}#${record.institutionId}#${record.documentId}`,
    ...record,
  };
}

function strip<T extends Record<string, unknown>>(item: T | undefined) {
  if (!item) return undefined;
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, type, ...rest } = item;
  return rest;
}

function conditionFailed(err: unknown): boolean {
  return (
    err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')
  );
}

/** RecordStore over DynamoDB; the same code runs against AWS and DynamoDB Local. */
export class DynamoRecordStore implements RecordStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async registerDocument(record: DocumentRecord, event: AuditEvent) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: documentItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: this.tableName, Item: auditItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return { record, created: true };
    } catch (err) {
      if (!conditionFailed(err)) throw err;
      const existing = await this.getDocument(record.institutionId, record.documentId);
      if (!existing) throw err;
      return { record: existing, created: false };
    }
  }

  async updateDocument(record: DocumentRecord, event: AuditEvent) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: documentItem(record),
                ConditionExpression: 'attribute_exists(PK) AND revision = :previous',
                ExpressionAttributeValues: { ':previous': record.revision - 1 },
              },
            },
            { Put: { TableName: this.tableName, Item: auditItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (err) {
      if (conditionFailed(err)) throw new StaleRecordError(record.documentId);
      throw err;
    }
  }

  async getDocument(institutionId: string, documentId: string) {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: docKey({ institutionId, documentId }), ConsistentRead: true }));
    const item = strip(out.Item);
    return item ? DocumentRecord.parse(item) : undefined;
  }

  async listDocuments(institutionId: string) {
    return (await this.queryPrefix(institutionId, 'DOC#')).map((i) => DocumentRecord.parse(i));
  }

  async putReport(report: ReportRecord, event: AuditEvent) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...reportKey(report),
                  type: 'REPORT',
                  GSI2PK: `REPORTS#${report.jurisdiction ?? 'UNKNOWN'}#${report.kind}`,
                  GSI2SK: `${report.year}#${report.institutionId}#${report.reportId}`,
                  ...report,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: auditItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (err) {
      if (!conditionFailed(err)) throw err; // already stored: nothing changes
    }
  }

  async listReports(institutionId: string, year?: number) {
    return (await this.queryPrefix(institutionId, year === undefined ? 'REPORT#' : `REPORT#${year}#`)).map((i) => ReportRecord.parse(i));
  }

  async listReportsByJurisdiction(jurisdiction: string, kind: ReportKind, year?: number) {
    const items = await this.queryAll({
      IndexName: 'GSI2',
      KeyConditionExpression: year === undefined ? 'GSI2PK = :pk' : 'GSI2PK = :pk AND begins_with(GSI2SK, :year)',
      ExpressionAttributeValues: { ':pk': `REPORTS#${jurisdiction}#${kind}`, ...(year === undefined ? {} : { ':year': `${year}#` }) },
    });
    return items.map((i) => ReportRecord.parse(i));
  }

  async appendAudit(event: AuditEvent) {
    const item = auditItem(event);
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...item, SK: `${item.SK}#${randomUUID()}` },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async listAudit(institutionId: string, subjectId?: string) {
    return (await this.queryPrefix(institutionId, subjectId ? `AUDIT#${subjectId}#` : 'AUDIT#')).map((i) => AuditEvent.parse(i));
  }

  private queryPrefix(institutionId: string, prefix: string) {
    return this.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': inst(institutionId), ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  /** Every item a query matches, page after page. */
  private async queryAll(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({ ...query, TableName: this.tableName, ExclusiveStartKey: startKey }));
      items.push(...(out.Items ?? []).map((i) => strip(i)!));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

/** Creates the table with its indexes when it does not exist (embedded default and tests). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  const attrs = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attrs.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_KEYS.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
}
