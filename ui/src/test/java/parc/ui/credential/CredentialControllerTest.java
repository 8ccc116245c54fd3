package parc.ui.credential;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(CredentialController.class)
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class CredentialControllerTest {

	private static final Credential ROOT_PASSWORD = new Credential(4, "root password", CredentialType.PASSWORD, "root",
			null, null, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CredentialService credentials;

	@Test
	void shouldListCredentialsInFrench() throws Exception {
		given(this.credentials.list()).willReturn(List.of(ROOT_PASSWORD));

		this.mvc.perform(get("/settings/credentials").header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(view().name(CredentialController.LIST_VIEW))
			.andExpect(content().string(containsString("root password")))
			.andExpect(content().string(containsString("Mot de passe")));
	}

	@Test
	void shouldNeverPutTheStoredSecretBackInTheEditForm() throws Exception {
		given(this.credentials.get(4)).willReturn(ROOT_PASSWORD);

		this.mvc.perform(get("/settings/credentials/4/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"root password\"")))
			.andExpect(content().string(not(containsString("hunter2"))))
			.andExpect(content().string(containsString("keep the stored secret")));
	}

	@Test
	void shouldShowAnUnusableKeyOnItsField() throws Exception {
		given(this.credentials.create(any()))
			.willThrow(new InvalidCredentialException("privateKey", "not a readable private key"));

		this.mvc
			.perform(post("/settings/credentials/new").with(csrf())
				.param("name", "k")
				.param("type", "SSH_KEY")
				.param("privateKey", "ssh-ed25519 AAAA... a public key"))
			.andExpect(status().isOk())
			.andExpect(view().name(CredentialController.FORM_VIEW))
			.andExpect(content().string(containsString("not a readable private key")));
	}

	@Test
	void shouldPutTheServicesValidationOnTheNamedField() throws Exception {
		var violations = jakarta.validation.Validation.buildDefaultValidatorFactory()
			.getValidator()
			.validate(new parc.orchestrator.credential.CredentialDraft("x".repeat(300), CredentialType.PASSWORD, null,
					null, null, "pw"));
		given(this.credentials.create(any()))
			.willThrow(new jakarta.validation.ConstraintViolationException(violations));

		this.mvc
			.perform(post("/settings/credentials/new").with(csrf())
				.param("name", "x".repeat(300))
				.param("type", "PASSWORD")
				.param("password", "pw"))
			.andExpect(status().isOk())
			.andExpect(view().name(CredentialController.FORM_VIEW))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrors("form", "name"));
	}

	@Test
	void shouldStoreAndRedirectToTheList() throws Exception {
		given(this.credentials.create(any())).willReturn(ROOT_PASSWORD);

		this.mvc
			.perform(post("/settings/credentials/new").with(csrf())
				.param("name", "root password")
				.param("type", "PASSWORD")
				.param("password", "hunter2"))
			.andExpect(redirectedUrl("/settings/credentials"));
		org.mockito.Mockito.verify(this.credentials)
			.create(org.mockito.ArgumentMatchers.argThat((draft) -> "hunter2".equals(draft.password())));
		org.mockito.Mockito.verify(this.credentials, org.mockito.Mockito.never()).replace(eq(4L), any());
	}

}
