/** Console pages for administrators to manage user accounts. */
package parc.ui.user;
