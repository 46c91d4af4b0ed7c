package dev.retort.it.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

/** One field of every supported type, private fields and a private constructor. */
@Entity
public class Sample extends Audited {
    public enum Color { RED, GREEN, BLUE }

    @Id
    @GeneratedValue
    private Long id;
    private String text;
    private char letter;
    private Character boxedLetter;
    private long primitiveLong;
    private int primitiveInt;
    private short primitiveShort;
    private byte primitiveByte;
    private boolean flag;
    private double primitiveDouble;
    private float primitiveFloat;
    private Long boxedLong;
    private Integer boxedInt;
    private Short boxedShort;
    private Byte boxedByte;
    private Boolean boxedFlag;
    private Double boxedDouble;
    private Float boxedFloat;
    @Column(precision = 12, scale = 3)
    private BigDecimal amount;
    private BigInteger big;
    private LocalDate day;
    private LocalDateTime moment;
    private LocalTime time;
    private OffsetDateTime offsetMoment;
    private UUID token;
    private byte[] data;
    private Color ordinalColor;
    @Enumerated(EnumType.STRING)
    private Color namedColor;
    @Transient
    private String notStored = "transient";

    private Sample() {
    }

    public static Sample filled() {
        Sample sample = new Sample();
        sample.text = "it's \"quoted\" — ünïcödé";
        sample.letter = 'x';
        sample.boxedLetter = 'Y';
        sample.primitiveLong = 9_007_199_254_740_993L;
        sample.primitiveInt = -2_000_000_000;
        sample.primitiveShort = 32_000;
        sample.primitiveByte = -7;
        sample.flag = true;
        sample.primitiveDouble = 2.25;
        sample.primitiveFloat = 1.5f;
        sample.boxedLong = -5L;
        sample.boxedInt = 42;
        sample.boxedShort = (short) -3;
        sample.boxedByte = (byte) 100;
        sample.boxedFlag = false;
        sample.boxedDouble = -0.125;
        sample.boxedFloat = 0.75f;
        sample.amount = new BigDecimal("123456789.125");
        sample.big = new BigInteger("123456789012345");
        sample.day = LocalDate.of(2024, 2, 29);
        sample.moment = LocalDateTime.of(2024, 12, 31, 23, 59, 58, 123_456_000);
        sample.time = LocalTime.of(13, 45, 12, 654_321_000);
        sample.offsetMoment = OffsetDateTime.parse("2024-06-01T10:15:30.250+02:00");
        sample.token = UUID.fromString("3f2b8c1e-9d4a-4b6e-8f00-123456789abc");
        sample.data = new byte[] {0, 1, 2, (byte) 0xFF, 127};
        sample.ordinalColor = Color.BLUE;
        sample.namedColor = Color.GREEN;
        sample.createdAt = java.time.Instant.parse("2024-01-15T08:30:00.500Z");
        return sample;
    }

    /** Nulls in every nullable field; a primitive char cannot stay '\0', which PostgreSQL text refuses. */
    public static Sample empty() {
        Sample sample = new Sample();
        sample.letter = '-';
        return sample;
    }

    public Long id() { return id; }
    public String text() { return text; }
    public char letter() { return letter; }
    public Character boxedLetter() { return boxedLetter; }
    public long primitiveLong() { return primitiveLong; }
    public int primitiveInt() { return primitiveInt; }
    public short primitiveShort() { return primitiveShort; }
    public byte primitiveByte() { return primitiveByte; }
    public boolean flag() { return flag; }
    public double primitiveDouble() { return primitiveDouble; }
    public float primitiveFloat() { return primitiveFloat; }
    public Long boxedLong() { return boxedLong; }
    public Integer boxedInt() { return boxedInt; }
    public Short boxedShort() { return boxedShort; }
    public Byte boxedByte() { return boxedByte; }
    public Boolean boxedFlag() { return boxedFlag; }
    public Double boxedDouble() { return boxedDouble; }
    public Float boxedFloat() { return boxedFloat; }
    public BigDecimal amount() { return amount; }
    public BigInteger big() { return big; }
    public LocalDate day() { return day; }
    public LocalDateTime moment() { return moment; }
    public LocalTime time() { return time; }
    public OffsetDateTime offsetMoment() { return offsetMoment; }
    public UUID token() { return token; }
    public byte[] data() { return data; }
    public Color ordinalColor() { return ordinalColor; }
    public Color namedColor() { return namedColor; }
    public String notStored() { return notStored; }
    public void setBig(BigInteger big) { this.big = big; }
}
