// How long the images that digests post to Slack stay public; shared by the server (lib/digests/digest-image.ts)
// and the subscription form, which tells editors this number.

/**
 * How long a posted image stays reachable by its link. Long enough for a channel to scroll back through a
 * month of digests; after that the Slack message keeps its link to the dashboard but the image is gone
 * (refused at once when asked for, and deleted by the workers' periodic sweep).
 */
export const DIGEST_IMAGE_TTL_DAYS = 30;
