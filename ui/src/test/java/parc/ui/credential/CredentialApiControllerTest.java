package parc.ui.credential;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialInUseException;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.credential.InvalidCredentialException;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CredentialApiController.class)
@WithMockUser(roles = "ADMIN")
class CredentialApiControllerTest {

	private static final Credential DEPLOY_KEY = new Credential(3, "deploy key", CredentialType.SSH_KEY, "deploy",
			"ssh-ed25519", "SHA256:abcDEF", Instant.parse("2026-12-01T10:00:00Z"),
			Instant.parse("2026-12-01T10:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CredentialService credentials;

	@Test
	void shouldAnswerTheContractFieldsAndNeverTheSecret() throws Exception {
		given(this.credentials.create(argThat((draft) -> draft.privateKey().contains("PRIVATE KEY"))))
			.willReturn(DEPLOY_KEY);

		this.mvc
			.perform(post("/api/credentials").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"name": "deploy key", "type": "SSH_KEY", "username": "deploy",
								 "privateKey": "-----BEGIN OPENSSH PRIVATE KEY-----\\nsecretMaterial\\n-----END OPENSSH PRIVATE KEY-----",
								 "passphrase": "open sesame"}
								"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(3))
			.andExpect(jsonPath("$.name").value("deploy key"))
			.andExpect(jsonPath("$.type").value("SSH_KEY"))
			.andExpect(jsonPath("$.username").value("deploy"))
			.andExpect(jsonPath("$.fingerprint").value("SHA256:abcDEF"))
			.andExpect(jsonPath("$.privateKey").doesNotExist())
			.andExpect(jsonPath("$.passphrase").doesNotExist())
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(content().string(not(containsString("secretMaterial"))));
	}

	@Test
	void shouldNameTheFieldOfAnUnusableKey() throws Exception {
		given(this.credentials.create(any()))
			.willThrow(new InvalidCredentialException("passphrase", "the passphrase does not open this private key"));

		this.mvc
			.perform(post("/api/credentials").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"k\", \"type\": \"SSH_KEY\", \"privateKey\": \"x\", \"passphrase\": \"bad\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("passphrase"));
	}

	@Test
	void shouldRefuseAnUnknownType() throws Exception {
		this.mvc
			.perform(post("/api/credentials").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"k\", \"type\": \"KERBEROS\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
	}

	@Test
	void shouldListWithoutSecretsAndRefuseDeletingOneInUse() throws Exception {
		given(this.credentials.list()).willReturn(List.of(DEPLOY_KEY));
		this.mvc.perform(get("/api/credentials"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].fingerprint").value("SHA256:abcDEF"));

		willThrow(new CredentialInUseException("deploy key", 2)).given(this.credentials).delete(3);
		this.mvc.perform(delete("/api/credentials/3").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("2 machine")));
	}

}
