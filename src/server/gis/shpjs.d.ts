// shpjs 6 ships no types; only the part used here is declared.
declare module 'shpjs' {
  /** Parses the records of a whole .shp file into GeoJSON geometries (null for null shapes). */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string | false): (object | null)[];
}
