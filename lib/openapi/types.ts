/** The few parts of an OpenAPI 3.1 document this project writes (https://spec.openapis.org/oas/v3.1.0). */

export type JsonSchema = { [key: string]: unknown };

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
  style?: 'form' | 'simple';
  explode?: boolean;
  example?: unknown;
}

interface MediaType {
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: Array<Parameter | { $ref: string }>;
  responses: Record<string, ResponseObject | { $ref: string }>;
  /** The request the docs page shows as curl and the tests send: a path with its query (vendor extension). */
  'x-example': string;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, { get: Operation }>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, ResponseObject>;
  };
}
