/**
 * Console-wide pieces: language choice, login page, home, error pages and the API's
 * problem documents.
 */
package parc.ui.system;
