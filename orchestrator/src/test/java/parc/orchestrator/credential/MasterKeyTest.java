package parc.orchestrator.credential;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

	@TempDir
	Path data;

	@Test
	void shouldCreateTheKeyOnFirstStartReadableByItsOwnerOnly() throws Exception {
		SecretKey first = MasterKey.loadOrCreate(this.data);
		Path file = this.data.resolve(MasterKey.FILE);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(first.getEncoded()).hasSize(32);
		assertThat(MasterKey.loadOrCreate(this.data).getEncoded()).isEqualTo(first.getEncoded());
	}

	@Test
	void shouldRefuseToStartOnADamagedKeyRatherThanMakeANewOne() throws Exception {
		Path file = this.data.resolve(MasterKey.FILE);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "not a key", StandardCharsets.US_ASCII);

		assertThatThrownBy(() -> MasterKey.loadOrCreate(this.data)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("backup");
		assertThat(file).hasContent("not a key");
	}

	@Test
	void shouldNotOpenASecretSealedWithAnotherKeyOrTampered(@TempDir Path other) {
		SecretCipher mine = new SecretCipher(MasterKey.loadOrCreate(this.data));
		SecretCipher theirs = new SecretCipher(MasterKey.loadOrCreate(other));
		byte[] sealed = mine.encrypt("password".getBytes(StandardCharsets.UTF_8));

		assertThat(new String(mine.decrypt(sealed), StandardCharsets.UTF_8)).isEqualTo("password");
		assertThatThrownBy(() -> theirs.decrypt(sealed)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("master key");
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> mine.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
	}

}
