import { Command } from 'commander';
import { renderJson } from '../review/render-json';
import { renderMarkdown } from '../review/render-markdown';
import { reviewSynthDirs } from '../review/review';
import { RISK_LEVELS, isRiskLevel, riskRank } from '../review/risk';
import { ReviewInputError } from '../review/synth-dir';
import { CliIo } from './io';

/** Exit codes: 0 reviewed, 1 a change at or above --fail-on, 2 bad input. */
export const REVIEW_FAIL_EXIT = 1;
export const REVIEW_BAD_INPUT_EXIT = 2;

interface ReviewOptions {
  base: string;
  head: string;
  format: string;
  failOn?: string;
}

export function registerReview(program: Command, io: CliIo): void {
  program
    .command('review')
    .description('compare two synth output dirs (e.g. main and a PR branch) and print a review comment: what changes per environment and integration, and how risky it is')
    .requiredOption('--base <dir>', 'synth output of the base (e.g. main), e.g. base/cdktf.out')
    .requiredOption('--head <dir>', 'synth output of the head (the pull request), e.g. head/cdktf.out')
    .option('--format <format>', 'md (a GitHub comment, under 65,000 characters) or json (everything)', 'md')
    .option('--fail-on <level>', `exit 1 when a change at or above this risk is present: ${RISK_LEVELS.join(', ')}`)
    .action((opts: ReviewOptions) => {
      const usage: string[] = [];
      if (opts.format !== 'md' && opts.format !== 'json') usage.push(`--format ${JSON.stringify(opts.format)} is not accepted; accepted: md, json`);
      if (opts.failOn !== undefined && !isRiskLevel(opts.failOn)) usage.push(`--fail-on ${JSON.stringify(opts.failOn)} is not a risk level; accepted: ${RISK_LEVELS.join(', ')}`);
      if (usage.length) {
        io.err(`okta-sso review: ${usage.join('; ')}\n`);
        io.exit(REVIEW_BAD_INPUT_EXIT);
        return;
      }
      let review;
      try {
        review = reviewSynthDirs(opts.base, opts.head);
      } catch (err) {
        if (!(err instanceof ReviewInputError)) throw err;
        io.err(`okta-sso review: ${err.message}\n`);
        io.exit(REVIEW_BAD_INPUT_EXIT);
        return;
      }
      io.out(opts.format === 'json' ? renderJson(review) : renderMarkdown(review));
      if (opts.failOn !== undefined && review.risk !== undefined && riskRank(review.risk) >= riskRank(opts.failOn as never)) {
        io.err(`okta-sso review: highest risk is ${review.risk}, at or above --fail-on ${opts.failOn}\n`);
        io.exit(REVIEW_FAIL_EXIT);
      }
    });
}
