package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeImageTest {

    /**
     * Secrets whose otpauth QR code, drawn at level M alone as it once was, ZXing could not read back: found
     * by drawing fresh secrets until four failed (about one in a hundred and thirty does; the dashboard's
     * two-factor test failed in CI on one). Pinned, they test the fallback to the next level every run, where
     * six hundred random secrets met such a case only most of the time, at six times the cost.
     */
    private static final List<String> SECRETS_LEVEL_M_DEFEATS = List.of("RMJFW46UXYTCN7XFFJKOJKL6V6SP2F3D", "HPWUAGPNDKYTFYXKAAN2THSOLYAPVMZG",
            "WQXUQC3KJLDUEKGAP4EATR6UNAXOTUM6", "HYE2CQPTKH4SQG75HBQI6JJPTBQ7N5LU");

    @Test
    void theCodesOneLevelDrewUnreadablyReadBackAsTheirText() throws Exception {
        for (String secret : SECRETS_LEVEL_M_DEFEATS) {
            String uri = TotpCodes.qrData("Seatguard", "admin@seatguard.local", secret).getUri();
            assertThat(readAtLevelM(uri)).as("still a case the first level cannot draw readably: " + uri).isNotEqualTo(uri);
            assertThat(readBack(QrCodeImage.of(uri))).as(uri).isEqualTo(uri);
        }
    }

    @Test
    void freshOtpauthCodesReadBackAsTheirText() throws Exception {
        DefaultSecretGenerator secrets = new DefaultSecretGenerator();
        for (int i = 0; i < 100; i++) {
            String uri = TotpCodes.qrData("Seatguard", "admin@seatguard.local", secrets.generate()).getUri();
            QrCodeImage qr = QrCodeImage.of(uri);
            assertThat(image(qr).getWidth()).isEqualTo(qr.size()).isEqualTo(image(qr).getHeight());
            assertThat(readBack(qr)).as(uri).isEqualTo(uri);
        }
    }

    /** The shown PNG decoded by ZXing's general reader, not the one QrCodeImage checks with. */
    private static String readBack(QrCodeImage qr) throws Exception {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image(qr))))).getText();
    }

    /** The text read from {@code uri}'s code drawn as QrCodeImage draws it, at level M alone; null when it cannot be read. */
    private static String readAtLevelM(String uri) throws Exception {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        QRCodeWriter writer = new QRCodeWriter();
        int modules = writer.encode(uri, BarcodeFormat.QR_CODE, 0, 0, hints).getWidth();
        BufferedImage image = MatrixToImageWriter.toBufferedImage(writer.encode(uri, BarcodeFormat.QR_CODE, modules * 4, modules * 4, hints));
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        }
        catch (ReaderException e) {
            return null;
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
