package dev.diligence.persistence.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantJpaRepository extends JpaRepository<TenantJpaEntity, UUID> {

    Optional<TenantJpaEntity> findByKey(String key);

    boolean existsByKey(String key);

    List<TenantJpaEntity> findAllByOrderByKeyAsc();
}
