export { alt, contentType, default, generateStaticParams, size } from "./opengraph-image";

// Read by Next from this file itself, so it is not re-exported.
export const revalidate = 3600;
