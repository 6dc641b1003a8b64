const marker = Symbol.for('thinkbackcode.migration-error');

/** Kinds of migration failure. */
export type MigrationErrorCode =
  /** The input is not valid JSON; `position` says where. */
  | 'invalid_json'
  /** The input is JSON but none of the known formats. */
  | 'unrecognized_format'
  /** The input is neither a string nor a plain object. */
  | 'invalid_input'
  /** The file could not be read (missing, a directory, too large, unreadable). */
  | 'file_unreadable'
  /** `applyMigration` refused a result with validation errors. */
  | 'invalid_migration'
  /** The result lost its keys (it was copied or deserialised), so it cannot be applied. */
  | 'missing_secrets'
  /** A write failed; everything written before it was rolled back. */
  | 'apply_failed'
  /** A write failed and undoing the earlier writes failed too. */
  | 'rollback_failed';

/** Where in the input text a JSON error is (1-based line and column, 0-based offset). */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** Options of a `MigrationError` besides its message. */
export interface MigrationErrorOptions {
  code: MigrationErrorCode;
  position?: TextPosition;
  /** Config ids a failed rollback could not restore. */
  notRestored?: string[];
  cause?: unknown;
}

/**
 * The error every migration function throws. Its message names the problem and, for JSON, the
 * line and column; it never quotes the input, so a key in the file cannot end up in a log.
 */
export class MigrationError extends Error {
  /** Marks instances across duplicated copies of this package. */
  readonly [marker] = true;
  readonly code: MigrationErrorCode;
  readonly position: TextPosition | undefined;
  readonly notRestored: string[] | undefined;

  constructor(message: string, options: MigrationErrorOptions) {
    super(message);
    this.name = 'MigrationError';
    this.code = options.code;
    this.position = options.position;
    this.notRestored = options.notRestored;
    if (options.cause !== undefined) {
      // Not enumerable: a storage error may quote what it was given.
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
    }
  }

  /** True for a `MigrationError` from any copy of this package. */
  static isInstance(value: unknown): value is MigrationError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
