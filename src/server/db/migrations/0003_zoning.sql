-- GIS layers and zoning rules (issue 3). Layers are versioned per municipality and kind; an import adds a new
-- version and never deletes an older one, so cases decided under an older layer or rule set can still show it.

ALTER TABLE parcels ADD COLUMN street_width_m numeric(6, 2) CHECK (street_width_m > 0);

CREATE TABLE gis_layers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('zones', 'overlays', 'parcels')),
  version integer NOT NULL CHECK (version > 0),
  name text NOT NULL,
  source_file text,
  source_crs text NOT NULL,
  feature_count integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by uuid,
  UNIQUE (municipality_id, kind, version),
  UNIQUE (municipality_id, id)
);

CREATE TABLE zones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  layer_id uuid NOT NULL,
  zone_code text NOT NULL,
  name text,
  geometry jsonb NOT NULL,
  min_lng double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lng double precision NOT NULL,
  max_lat double precision NOT NULL,
  properties jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (municipality_id, layer_id) REFERENCES gis_layers (municipality_id, id)
);
CREATE INDEX zones_layer_idx ON zones (layer_id);

CREATE TABLE overlays (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  layer_id uuid NOT NULL,
  overlay_type text NOT NULL CHECK (overlay_type IN ('street_widening', 'heritage', 'protected', 'flood', 'fault', 'other')),
  name text,
  geometry jsonb NOT NULL,
  min_lng double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lng double precision NOT NULL,
  max_lat double precision NOT NULL,
  properties jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (municipality_id, layer_id) REFERENCES gis_layers (municipality_id, id)
);
CREATE INDEX overlays_layer_idx ON overlays (layer_id);

-- The zone of each parcel under each zones layer, computed at import: the zone holding most of the parcel's area.
CREATE TABLE parcel_zones (
  municipality_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  layer_id uuid NOT NULL,
  zone_id uuid NOT NULL REFERENCES zones (id),
  zone_code text NOT NULL,
  share numeric(5, 4) NOT NULL,
  PRIMARY KEY (parcel_id, layer_id),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, layer_id) REFERENCES gis_layers (municipality_id, id)
);
CREATE INDEX parcel_zones_layer_idx ON parcel_zones (layer_id, zone_code);

-- Overlays that touch a parcel under each overlays layer, with how much of the parcel they take.
CREATE TABLE parcel_overlays (
  municipality_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  layer_id uuid NOT NULL,
  overlay_id uuid NOT NULL REFERENCES overlays (id),
  area_m2 numeric(12, 2) NOT NULL,
  share numeric(5, 4) NOT NULL,
  PRIMARY KEY (parcel_id, overlay_id),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, layer_id) REFERENCES gis_layers (municipality_id, id)
);
CREATE INDEX parcel_overlays_layer_idx ON parcel_overlays (layer_id);

-- Dated rule tables and fee tariffs, per municipality: data, never constants in code.
CREATE TABLE zoning_rule_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  effective_from date NOT NULL,
  resolution_no text NOT NULL,
  rules jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, effective_from)
);

CREATE TABLE permit_fee_tariffs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  effective_from date NOT NULL,
  resolution_no text NOT NULL,
  tariff jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, effective_from)
);
