package com.hongda.cms.workflow.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The WebSocket container's limits. A GraphQL message may be as long as a request over HTTP (a document of
 * up to {@code cms.graphql.max-characters} plus variables), so that an over-long argument is refused by the
 * same rules, classified; a message past 128 KiB closes the connection (1009, too big) before it is read.
 */
@Configuration(proxyBeanMethods = false)
class LiveTransport {

    static final int MAX_MESSAGE = 128 * 1024;

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE);
        container.setMaxBinaryMessageBufferSize(8 * 1024);
        return container;
    }
}
