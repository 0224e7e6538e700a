package io.reelflow.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.WebhookRefusedException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link CallbackAddressPolicy}. */
class CallbackAddressPolicyTest {
    private static InetAddress[] at(String... literals) throws Exception {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address",
        "127.8.9.10, a loopback address",
        "::1, a loopback address",
        "10.1.2.3, a private-network address",
        "172.16.0.1, a private-network address",
        "172.31.255.254, a private-network address",
        "192.168.1.1, a private-network address",
        "fd12:3456::1, a private-network address",
        "100.64.0.1, a private-network address",
        "100.127.255.254, a private-network address",
        "169.254.169.254, a link-local address (the cloud metadata service)",
        "169.254.1.1, a link-local address",
        "fe80::1, a link-local address",
        "224.0.0.251, a multicast address",
        "ff02::1, a multicast address",
        "0.0.0.0, an unspecified address",
        "::, an unspecified address",
        "0.1.2.3, an unspecified address",
        "240.0.0.1, a reserved address",
        "255.255.255.255, a reserved address",
        "::ffff:127.0.0.1, a loopback address",
        "::ffff:169.254.169.254, a link-local address (the cloud metadata service)",
        "64:ff9b::a9fe:a9fe, a link-local address (the cloud metadata service)",
        "::10.0.0.1, a private-network address"
    })
    void shouldRefuseSpecialUseAddresses(String literal, String kind) throws Exception {
        assertThatThrownBy(
                        () -> CallbackAddressPolicy.publicOnly().check("hooks.test", at(literal)))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("resolves to")
                .hasMessageContaining(kind + ": refused before connecting");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "8.8.8.8",
                "172.32.0.1",
                "100.128.0.1",
                "192.169.0.1",
                "2606:4700:4700::1111"
            })
    void shouldAllowPublicAddresses(String literal) throws Exception {
        InetAddress[] addresses = at(literal);

        assertThat(CallbackAddressPolicy.publicOnly().check("hooks.test", addresses))
                .containsExactly(addresses);
    }

    @Test
    void shouldRefuseAHostWhenAnyOfItsAddressesIsRefused() {
        assertThatThrownBy(
                        () ->
                                CallbackAddressPolicy.publicOnly()
                                        .check("hooks.test", at("8.8.8.8", "10.0.0.7")))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("10.0.0.7");
    }

    @Test
    void shouldSayWhenTheHostIsTheRefusedAddressItself() {
        assertThatThrownBy(
                        () ->
                                CallbackAddressPolicy.publicOnly()
                                        .check("169.254.169.254", at("169.254.169.254")))
                .hasMessageStartingWith(
                        "callback host '169.254.169.254' is a link-local address (the cloud"
                                + " metadata service): refused before connecting");
    }

    @Test
    void shouldLetListedHostsReachLoopbackButNeverMulticast() throws Exception {
        CallbackAddressPolicy policy =
                new CallbackAddressPolicy(List.of("127.0.0.1", "LocalHost", "[::1]"), false);

        assertThat(policy.check("127.0.0.1", at("127.0.0.1"))).hasSize(1);
        assertThat(policy.check("localhost", at("127.0.0.1", "::1"))).hasSize(2);
        assertThat(policy.check("[::1]", at("::1"))).hasSize(1);
        assertThatThrownBy(() -> policy.check("127.0.0.2", at("127.0.0.2")))
                .isInstanceOf(WebhookRefusedException.class);
        assertThatThrownBy(() -> policy.check("localhost", at("224.0.0.1")))
                .hasMessageContaining("a multicast address");
    }

    @Test
    void shouldAllowPrivateNetworksOnlyWhenAskedAndNeverLoopbackOrMetadataThatWay()
            throws Exception {
        CallbackAddressPolicy policy = new CallbackAddressPolicy(List.of(), true);

        assertThat(policy.check("hooks.internal", at("10.0.0.7", "fd00::7", "100.64.1.1")))
                .hasSize(3);
        assertThatThrownBy(() -> policy.check("hooks.internal", at("127.0.0.1")))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> policy.check("hooks.internal", at("169.254.169.254")))
                .hasMessageContaining("cloud metadata");
    }
}
