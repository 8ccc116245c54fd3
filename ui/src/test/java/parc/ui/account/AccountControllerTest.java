package parc.ui.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.user.UserAccountException;
import parc.orchestrator.user.UserAccountService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AccountController.class)
@Import(PageLinks.class)
@WithMockUser(username = "reader", roles = "USER")
class AccountControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserAccountService accounts;

	@Test
	void shouldShowTheFormWithThePolicy() throws Exception {
		this.mvc.perform(get("/account").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Au moins 12 caractères")));
	}

	@Test
	void shouldChangeTheLoggedInUsersOwnPassword() throws Exception {
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "correct horse battery")
				.param("confirmPassword", "correct horse battery"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("flashKey", "account.flash.changed"));

		verify(this.accounts).changeOwnPassword("reader", "old-password-1", "correct horse battery");
	}

	@Test
	void shouldRefuseDifferingConfirmationWithoutCallingService() throws Exception {
		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "correct horse battery")
				.param("confirmPassword", "correct horse battrey"))
			.andExpect(flash().attribute("flashKey", "account.error.confirmation"));

		verify(this.accounts, never()).changeOwnPassword(anyString(), anyString(), any());
	}

	@Test
	void shouldExplainWhyTheServiceRefused() throws Exception {
		willThrow(new UserAccountException("account.error.currentPassword", "wrong")).given(this.accounts)
			.changeOwnPassword("reader", "typo", "correct horse battery");

		this.mvc
			.perform(post("/account/password").with(csrf())
				.param("currentPassword", "typo")
				.param("newPassword", "correct horse battery")
				.param("confirmPassword", "correct horse battery"))
			.andExpect(flash().attribute("flashKey", "account.error.currentPassword"));
	}

}
