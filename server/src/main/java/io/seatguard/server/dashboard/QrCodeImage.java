package io.seatguard.server.dashboard;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A QR code drawn as a PNG {@code data:} URL, read back before it is shown.
 *
 * <p>Drawn whole-pixel modules wide with the standard four-module quiet zone, so no browser scaling blurs
 * an edge. It is then decoded with ZXing's reader, which about one QR code in a hundred and thirty of an
 * otpauth URI defeated when drawn at one fixed level and size (a data area can look like a finder
 * pattern); the next error-correction level gives a different matrix, so the first level whose code
 * reads back as its text is the one shown. The secret is on the page as text too, for the rare camera
 * that still cannot read it. The URL is base64 characters alone, which is why the page may put it in
 * unescaped ({@code {{{qr}}}}); the dashboard's CSP allows {@code data:} images and nothing from elsewhere.
 */
record QrCodeImage(String dataUrl, int size) {
    private static final int MODULE_PIXELS = 4;
    private static final int QUIET_ZONE_MODULES = 4;
    private static final List<ErrorCorrectionLevel> LEVELS = List.of(ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q, ErrorCorrectionLevel.L, ErrorCorrectionLevel.H);

    static QrCodeImage of(String text) {
        BufferedImage shown = null;
        for (ErrorCorrectionLevel level : LEVELS) {
            BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix(text, level));
            if (shown == null) {
                shown = image;
            }
            if (text.equals(readBack(image))) {
                shown = image;
                break;
            }
        }
        return new QrCodeImage("data:image/png;base64," + Base64.getEncoder().encodeToString(png(shown)), shown.getWidth());
    }

    private static BitMatrix matrix(String text, ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        try {
            QRCodeWriter writer = new QRCodeWriter();
            // Asked for 0 x 0, the writer answers one pixel a module: its width says how many modules there are.
            int modules = writer.encode(text, BarcodeFormat.QR_CODE, 0, 0, hints).getWidth();
            return writer.encode(text, BarcodeFormat.QR_CODE, modules * MODULE_PIXELS, modules * MODULE_PIXELS, hints);
        }
        catch (WriterException e) {
            throw new IllegalStateException("could not draw the QR code", e);
        }
    }

    private static String readBack(BufferedImage image) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        }
        catch (ReaderException e) {
            return null;
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "PNG", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new IllegalStateException("could not write the QR code as PNG", e);
        }
    }
}
