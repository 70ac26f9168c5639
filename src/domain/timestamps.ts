// TimeStamp (base64Binary) is the row version as 8 big-endian bytes, like SQL Server's rowversion:
// opaque to clients, different after every write.

export function encodeTimeStamp(version: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, version);
  return bytes;
}

export function decodeTimeStamp(bytes: Uint8Array): bigint | undefined {
  if (bytes.length !== 8) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
}
