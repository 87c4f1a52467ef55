import type { ApiClient } from '../api/client';

/**
 * What each of HR's year-by-year views is given: the API, the year in the address (undefined: the organisation's
 * current year, as the service decides it), and how to move to another year (a new address).
 */
export interface HrYearViewProps {
  api: ApiClient;
  year: number | undefined;
  onYearChange: (year: number) => void;
}
