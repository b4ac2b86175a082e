package io.badgeflow.admin.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.command.RegisterDoor;
import io.badgeflow.model.command.RotateDoorKey;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.DoorCapability;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP contract of doors: the device key is shown once, and only its hash is in the command. */
class DoorApiTests extends ApiSliceTestSupport {

    @Test
    void showsTheNewDeviceKeyOnceAndPutsOnlyItsHashInTheCommand() throws Exception {
        var body = mvc.perform(post("/api/v1/buildings/HQ/doors")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Main entrance\",\"capability\":\"IN\",\"doorId\":\"hq-main\"}")
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.doorId").value("hq-main"))
                .andExpect(jsonPath("$.buildingId").value("HQ"))
                .andExpect(jsonPath("$.deviceKeyNote").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();

        var deviceKey = JsonMapper.shared().readTree(body).get("deviceKey").asString();
        var command = writtenOnce(RegisterDoor.class);
        assertThat(command.capability()).isEqualTo(DoorCapability.IN);
        assertThat(command.keyHash())
                .isEqualTo(DeviceKeyHash.of(DeviceKey.presented(deviceKey)).sha256Hex());
        assertThat(command.toString()).doesNotContain(deviceKey);
    }

    @Test
    void choosesADoorIdWhenNoneIsGiven() throws Exception {
        mvc.perform(post("/api/v1/buildings/HQ/doors")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Side door\",\"capability\":\"BOTH\"}")
                        .with(admin()))
                .andExpect(status().isAccepted());

        assertThat(writtenOnce(RegisterDoor.class).doorId()).isNotBlank();
    }

    @Test
    void namesAnUnknownCapability() throws Exception {
        mvc.perform(post("/api/v1/buildings/HQ/doors")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Side door\",\"capability\":\"SIDEWAYS\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.capability").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void namesEveryMissingField() throws Exception {
        mvc.perform(post("/api/v1/buildings/HQ/doors")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.capability").exists());
    }

    @Test
    void rotatesAKeyShowingTheNewOneOnce() throws Exception {
        var body = mvc.perform(post("/api/v1/doors/hq-main/rotate-key").with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.doorId").value("hq-main"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var deviceKey = JsonMapper.shared().readTree(body).get("deviceKey").asString();
        assertThat(writtenOnce(RotateDoorKey.class).keyHash())
                .isEqualTo(DeviceKeyHash.of(DeviceKey.presented(deviceKey)).sha256Hex());
    }

    @Test
    void showsADoorWithoutItsKeyHash() throws Exception {
        var door = Examples.door("hq-main", "HQ");
        when(directory.door("hq-main")).thenReturn(Optional.of(door));

        var body = mvc.perform(get("/api/v1/doors/hq-main").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capability").value("BOTH"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain(door.keyHash().sha256Hex()).doesNotContain("keyHash");
    }

    @Test
    void answersAnUnknownDoorWithNotFoundProblem() throws Exception {
        when(directory.door(any())).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/doors/nope").with(auditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
