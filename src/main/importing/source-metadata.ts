/**
 * Makes what a page says about itself (Open Graph, JSON-LD, meta tags, a PDF's
 * info dictionary) fit the contract's limits before it is stored: names cut to
 * the metadata length, a date that is not a date dropped (or rewritten as
 * YYYY-MM-DD when it parses), an address kept only when it is http(s).
 * A page can claim anything; it must not be able to store anything.
 */
import { sourceMetadataSchema } from '../../shared/contract';
import { limits } from '../../shared/limits';
import { emptySourceMetadata, type SourceMetadata } from '../store/schemas/library-index';

function shortName(value: string | null | undefined): string | null {
  const squashed = (value ?? '').replace(/\s+/g, ' ').trim();
  if (!squashed) return null;
  const points = Array.from(squashed);
  return points.length <= limits.metadataLength
    ? squashed
    : `${points.slice(0, limits.metadataLength - 1).join('')}…`;
}

function dateOrNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim().slice(0, 64);
  if (!trimmed) return null;
  if (sourceMetadataSchema.shape.publishedAt.safeParse(trimmed).success) return trimmed;
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) return null;
  const year = new Date(parsed).getUTCFullYear();
  return year >= 1800 && year <= 2200 ? new Date(parsed).toISOString().slice(0, 10) : null;
}

function addressOrNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return sourceMetadataSchema.shape.url.safeParse(trimmed).success ? trimmed : null;
}

export function boundedSourceMetadata(claimed: Partial<SourceMetadata>): SourceMetadata {
  return {
    ...emptySourceMetadata(),
    outlet: shortName(claimed.outlet),
    author: shortName(claimed.author),
    publishedAt: dateOrNull(claimed.publishedAt),
    url: addressOrNull(claimed.url),
  };
}
