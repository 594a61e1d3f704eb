import robotsParser from 'robots-parser';
import type { HarvestFailure } from '../types';

/**
 * What robots.txt says about an origin, for one run (docs/harvest.md#robotstxt). RFC 9309:
 * a 4xx answer (404, 410, 401, 403 …) means there are no rules, so everything is allowed; a 5xx
 * after the retries, a 429, or a robots.txt that cannot be reached at all means everything is
 * disallowed. When the host itself could not be reached, pages fail with that reason (timeout,
 * unreachable, dns failure …) rather than 'robots', which only ever means "robots.txt says no".
 */

const ROBOTS_TOKEN = 'NianbaoBot';
/** RFC 9309 §2.5: parse at least 500 KiB; what lies beyond is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

type Robot = ReturnType<typeof robotsParser>;

export type RobotsRules =
  | { kind: 'rules'; robot: Robot; crawlDelayMs: number | undefined }
  | { kind: 'allow all'; why: string }
  | { kind: 'disallow all'; failure: HarvestFailure; why: string };

export function parseRobots(robotsUrl: string, text: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
  return { kind: 'rules', robot, crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : undefined };
}

/** null when allowed, else why not. */
export function robotsRefusal(rules: RobotsRules, url: string): { failure: HarvestFailure; why: string } | null {
  if (rules.kind === 'allow all') return null;
  if (rules.kind === 'disallow all') return { failure: rules.failure, why: rules.why };
  // undefined: the URL is not on the robots.txt's origin (cannot happen here), so no rule applies.
  if (rules.robot.isAllowed(url, ROBOTS_TOKEN) === false) {
    const line = rules.robot.getMatchingLineNumber(url, ROBOTS_TOKEN);
    return { failure: 'robots', why: `robots.txt disallows it${line > 0 ? ` (line ${line})` : ''}` };
  }
  return null;
}
