package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeImageTest {

    /**
     * Drawn at one fixed level, about one otpauth QR code in 130 could not be read back by ZXing (the
     * dashboard's two-factor test failed in CI on one): six hundred fresh secrets (about four failures expected before) all read back now.
     */
    @Test
    void everyOtpauthCodeReadsBackAsItsText() throws Exception {
        DefaultSecretGenerator secrets = new DefaultSecretGenerator();
        for (int i = 0; i < 600; i++) {
            String uri = TotpCodes.qrData("Seatguard", "admin@seatguard.local", secrets.generate()).getUri();
            QrCodeImage qr = QrCodeImage.of(uri);
            BufferedImage image = image(qr);
            assertThat(image.getWidth()).isEqualTo(qr.size()).isEqualTo(image.getHeight());
            assertThat(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText())
                    .as(uri).isEqualTo(uri);
        }
    }

    @Test
    void modulesAreWholePixelsInsideAFourModuleQuietZone() throws Exception {
        QrCodeImage qr = QrCodeImage.of("otpauth://totp/a%40b.test?secret=JBSWY3DPEHPK3PXP&issuer=Seatguard");
        BufferedImage image = image(qr);
        // Four modules of four pixels each: the first dark pixel (the finder pattern's corner) is at 16, 16.
        assertThat(image.getRGB(15, 15) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(16, 16) & 0xFFFFFF).isZero();
        assertThat(qr.size() % 4).isZero();
        assertThat(qr.dataUrl()).startsWith("data:image/png;base64,").matches("data:image/png;base64,[A-Za-z0-9+/=]+");
    }

    private static BufferedImage image(QrCodeImage qr) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.dataUrl().substring("data:image/png;base64,".length()))));
    }
}
