/**
 * The Packages area: list, create (files, archive or server folder), edit, delete; and
 * {@code /api/packages}.
 */
package parc.ui.pkg;
