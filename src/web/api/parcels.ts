import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export interface Share {
  numerator: number;
  denominator: number;
}

export interface Parcel {
  id: string;
  districtId: string;
  districtNumber: number;
  renewalCode: string;
  plate: { registrationSection: number; mainPlate: number; subPlates: number[]; unitNo: number | null };
  postalCode: string | null;
  address: string | null;
  landAreaM2: number;
  builtAreaM2: number;
  landUse: string;
  updatedAt: string;
}

export interface OwnedParcel extends Parcel {
  share: Share;
  ownedSince: string | null;
}

export interface ParcelOwner {
  id: string;
  kind: string;
  name: string;
  nationalId: string;
  share: Share;
}

export interface ParcelDetail extends Parcel {
  owners: ParcelOwner[];
  geometry: { type: string; coordinates: unknown[] };
}

export function useMyParcels() {
  return useQuery({
    queryKey: ['my-parcels'],
    queryFn: () => api.get<{ parcels: OwnedParcel[] }>('/api/v1/me/parcels'),
    select: (data) => data.parcels,
  });
}

export function useParcel(id: string) {
  return useQuery({
    queryKey: ['parcels', id],
    queryFn: () => api.get<ParcelDetail>(`/api/v1/parcels/${encodeURIComponent(id)}`),
  });
}
