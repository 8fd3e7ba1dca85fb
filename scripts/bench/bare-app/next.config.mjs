// The bare page fixture of npm run bench:pages: Next.js's defaults, as a new App Router app has them.
/** @type {import("next").NextConfig} */
const nextConfig = {};

export default nextConfig;
