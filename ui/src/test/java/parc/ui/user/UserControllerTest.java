package parc.ui.user;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccount;
import parc.orchestrator.user.UserAccountException;
import parc.orchestrator.user.UserAccountService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
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

@WebMvcTest(UserController.class)
@Import(PageLinks.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class UserControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserAccountService accounts;

	@Test
	void shouldListAccountsWithTheirRoleAndState() throws Exception {
		Instant created = Instant.parse("2026-01-02T03:04:05Z");
		given(this.accounts.findAll()).willReturn(List.of(new UserAccount("admin", Role.ADMIN, true, created, created),
				new UserAccount("bob", Role.USER, false, created, created)));

		this.mvc.perform(get("/users"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-bob\"")))
			.andExpect(content().string(containsString("disabled")));
	}

	@Test
	void shouldShowGeneratedPasswordOnceAfterCreation() throws Exception {
		given(this.accounts.create(new NewUserAccount("carol", Role.USER)))
			.willReturn(new GeneratedPassword("carol", "S3cretS3cretS3cretS3"));

		this.mvc.perform(post("/users").with(csrf()).param("username", " carol ").param("role", "USER"))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("flashKey", "users.flash.created"))
			.andExpect(flash().attributeExists("generatedPassword"));
	}

	@Test
	void shouldExplainRefusalToDisableLastAdministrator() throws Exception {
		willThrow(new UserAccountException("users.error.lastAdmin", "last admin")).given(this.accounts)
			.setEnabled("root2", false);

		this.mvc.perform(post("/users/root2/enabled").with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("flashKey", "users.error.lastAdmin"));
	}

	@Test
	void shouldNotLetAdministratorDisableThemselves() throws Exception {
		this.mvc.perform(post("/users/admin/enabled").with(csrf()).param("enabled", "false"))
			.andExpect(flash().attribute("flashKey", "users.error.self"));

		verify(this.accounts, never()).setEnabled("admin", false);
	}

	@Test
	void shouldRefuseFormsWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/users/bob/password")).andExpect(status().isForbidden());

		verify(this.accounts, never()).resetPassword("bob");
	}

}
