import { Inject, Injectable } from '@nestjs/common';
import { DataKeyColumns } from './data-key.columns';
import { Envelope, SealScope } from './envelope';

/** Seals and opens the confidential columns of one record with that record's own data key. */
export class RecordCipher {
  constructor(
    private readonly envelope: Envelope,
    private readonly scope: SealScope,
    private readonly key: Buffer,
  ) {}

  seal(column: string, value: unknown): Buffer {
    return this.envelope.sealJson(this.key, this.scope, column, value);
  }

  open<T>(column: string, sealed: Buffer): T {
    return this.envelope.openJson<T>(this.key, this.scope, column, sealed);
  }
}

/**
 * Envelope encryption for the tables that hold confidential fields: each record gets a random data key,
 * stored wrapped by the active key-encryption key (DataKeyColumns); ciphertexts are bound to State,
 * table, column and row.
 */
@Injectable()
export class RecordSealing {
  constructor(@Inject(Envelope) private readonly envelope: Envelope) {}

  newRecord(scope: SealScope): { cipher: RecordCipher; dataKey: DataKeyColumns } {
    const { key, wrapped } = this.envelope.newDataKey(scope);
    return { cipher: new RecordCipher(this.envelope, scope, key), dataKey: { kekId: wrapped.kekId, wrapped: wrapped.wrapped } };
  }

  /** The cipher of a record that may not have a data key yet: its own when it has one, else a new one to store with it. */
  recordOrNew(scope: SealScope, dataKey: DataKeyColumns | null | undefined): { cipher: RecordCipher; dataKey: DataKeyColumns } {
    return dataKey?.wrapped ? { cipher: this.record(scope, dataKey), dataKey } : this.newRecord(scope);
  }

  record(scope: SealScope, dataKey: DataKeyColumns): RecordCipher {
    if (!dataKey.kekId || !dataKey.wrapped) throw new Error(`Record ${scope.table}/${scope.rowId} has no data key`);
    return new RecordCipher(this.envelope, scope, this.envelope.unwrap(scope, { kekId: dataKey.kekId, wrapped: dataKey.wrapped }));
  }
}
