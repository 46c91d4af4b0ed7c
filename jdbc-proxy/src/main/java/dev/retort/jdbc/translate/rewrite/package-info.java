/**
 * The rewriting engine both source dialects share: the token walk ({@link dev.retort.jdbc.translate.rewrite.Rewriter}),
 * a call being rewritten ({@link dev.retort.jdbc.translate.rewrite.Call}), the translation's settings and the facts
 * it reads of the target's tables. Internal to the translator: public only so the dialect packages can use it;
 * not API, may change without notice.
 */
package dev.retort.jdbc.translate.rewrite;
