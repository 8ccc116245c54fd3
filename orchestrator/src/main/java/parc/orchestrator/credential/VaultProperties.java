package parc.orchestrator.credential;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the vault's key comes from ({@code parc.vault.*}); every node of a cluster needs
 * the same one.
 *
 * @param key the key itself, base64 (environment {@code PARC_VAULT_KEY}), when it is
 * handed over by a secret store rather than kept in a file; wins over the file
 * @param keyFile the key's file; {@code <shared folder>/vault/master.key} unless set,
 * created on the first start
 */
@ConfigurationProperties("parc.vault")
public record VaultProperties(String key, Path keyFile) {

}
