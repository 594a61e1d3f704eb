/**
 * Script challenges: web application firewalls answer automated clients with a small page of
 * JavaScript that computes a cookie and reloads (加速乐 __jsl_clearance with 521, 瑞数 with 412 and
 * a `$_ts` script, 阿里云 acw_sc__v2, 云锁, 安全狗, 创宇盾, 网站卫士 wzws, Cloudflare), whatever the
 * HTTP status says (200, 202, 412, 521). Told by shape, not by vendor alone: little visible text,
 * and a script that sets a cookie and navigates, or is obfuscated, or a known WAF marker. A
 * small page whose script only sends the browser to a fixed address is a redirect, not a challenge.
 */

/** Names and paths that only WAF challenge pages carry. */
const WAF_MARKERS =
  /__jsl_clearance|jsl_clearance|acw_sc__v2|acw_sc_v2|_waf_bd|waf_sc|wzws_cid|wzwschallenge|wzws_sid|yunsuo_session_verify|security_session_verify|security_session_mid_verify|safedog|safeline|cdn-cgi\/challenge-platform|_cf_chl|cf-chl|cf_chl_opt|challenge-form|\$_ts\s*=|\$_ts\.|FSSBBIl1UgzbN7N|__tst_status|EO_Bot_Ssid|ssl_server_verify|_guard\/auto\.js|hw_check|sec_defend|\bYunSuoAutoJump\b|HUAWEI_WAF|x-waf/i;
/** Words of a block or check page, in Chinese and English. */
const CHECK_WORDS =
  /请开启\s*JavaScript|请启用\s*JavaScript|启用\s*JavaScript|开启JS|浏览器安全检查|安全检查中|正在进行安全检测|访问验证|人机验证|滑动验证|您的访问(?:请求)?(?:被|已被|疑似)|网站防火墙|访问被拦截|请求被拦截|checking your browser|enable javascript|just a moment|verify you are human/i;

const SETS_COOKIE = /document\.cookie\s*=/;
const NAVIGATES = /location(?:\.href)?\s*=|location\.(?:replace|reload|assign)\s*\(|history\.go\(/;
const OBFUSCATED = /\beval\s*\(|_0x[0-9a-f]{4,}|(?:\\x[0-9a-f]{2}){8}|String\.fromCharCode|\batob\s*\(|\bFunction\s*\(|\[\s*\]\s*\[\s*["']constructor/i;

/** Statuses WAFs answer a challenge with (besides 200). */
const CHALLENGE_STATUSES = new Set([202, 403, 412, 429, 503, 521, 567]);

export interface ChallengeInput {
  status: number;
  html: string;
  /** Visible text of the body, scripts and styles left out, whitespace collapsed. */
  visibleText: string;
  /** Inline script sources. */
  scripts: string[];
  /** Script src addresses. */
  scriptSources: string[];
}

/** Visible text below which a page can be a challenge (a real listing or report page has much more). */
const SMALL_TEXT = 200;

export function isChallengePage(input: ChallengeInput): boolean {
  const visible = input.visibleText.replace(/\s+/g, '');
  if (visible.length > SMALL_TEXT) return false;
  const code = input.scripts.join('\n');
  const hasScript = code.trim().length > 0 || input.scriptSources.length > 0;
  if (!hasScript && !CHECK_WORDS.test(visible)) return false;
  if (WAF_MARKERS.test(input.html)) return true;
  if (CHECK_WORDS.test(input.html) && hasScript) return true;
  if (SETS_COOKIE.test(code) && (NAVIGATES.test(code) || OBFUSCATED.test(code))) return true;
  if (OBFUSCATED.test(code) && NAVIGATES.test(code)) return true;
  // A non-success status with only a script to show is a challenge unless the script is a plain redirect.
  if (CHALLENGE_STATUSES.has(input.status) && hasScript && !plainRedirect(code)) return true;
  // Nothing to read but a large script: the content is computed, not served.
  return visible.length < 20 && code.length > 2000 && !plainRedirect(code);
}

const LITERAL_REDIRECT =
  /(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']|location\.(?:replace|assign)\s*\(\s*["']([^"']+)["']\s*\)/;

/** The address a small page's script sends the browser to, when it is a literal one. */
export function plainRedirect(code: string): string | null {
  if (SETS_COOKIE.test(code) || OBFUSCATED.test(code)) return null;
  const m = LITERAL_REDIRECT.exec(code);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
