import { describe, expect, it } from 'vitest';
import { propertyOf } from '../propertyOf';
import { binaryBytes, hasCodeName, isDuplicateKey, onlyDuplicateKeys } from './driverValues';

describe('driver values', () => {
  it('recognises a duplicate key only by its code', () => {
    expect(isDuplicateKey(Object.assign(new Error('E11000'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKey({ code: 121 })).toBe(false);
    expect(isDuplicateKey('E11000')).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });

  it('treats an insertMany failure as harmless only when every refused row was a duplicate', () => {
    expect(onlyDuplicateKeys({ code: 11000 })).toBe(true);
    expect(onlyDuplicateKeys({ code: 11000, writeErrors: [{ code: 11000 }, { code: 11000 }] })).toBe(true);
    expect(onlyDuplicateKeys({ code: 11000, writeErrors: [{ code: 11000 }, { code: 2 }] })).toBe(false);
    expect(onlyDuplicateKeys({ writeErrors: [] })).toBe(false);
    expect(onlyDuplicateKeys(new Error('network'))).toBe(false);
  });

  it('reads code names, inherited properties and binary bytes', () => {
    expect(hasCodeName({ codeName: 'NamespaceNotFound' }, 'NamespaceNotFound')).toBe(true);
    expect(hasCodeName(undefined, 'NamespaceNotFound')).toBe(false);
    expect(propertyOf(new TypeError('x'), 'name')).toBe('TypeError');
    const bytes = new Uint8Array([1, 2]);
    expect(binaryBytes({ buffer: bytes })).toBe(bytes);
    expect(binaryBytes({ buffer: 'nope' })).toBeNull();
  });
});
