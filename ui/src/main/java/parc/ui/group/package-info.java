/**
 * Groups in the console and the REST API (issue #7): {@code /groups} pages and
 * {@code /api/groups}.
 */
package parc.ui.group;
