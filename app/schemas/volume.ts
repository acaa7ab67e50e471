// The Volume page's bucket sizes as its form and address write them (minutes, or day and week).
export const volumeSizes = ['15', '30', '60', 'day', 'week'] as const
