/**
 * The credentials vault's console pages (under Settings) and {@code /api/credentials}.
 */
package parc.ui.credential;
