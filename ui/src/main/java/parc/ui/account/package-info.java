/** The logged-in user's own account page: change one's password. */
package parc.ui.account;
